// usePaged on its own: a reload keeps as many rows as were shown, another list starts
// from one page.
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { usePaged } from "../src/use-api.js";

type Request = { list: string; limit: number; cursor?: string };

function source(requests: Request[]) {
  return (list: string) => async (page: { limit: number; cursor?: string }) => {
    requests.push({ list, ...page });
    const start = page.cursor ? Number(page.cursor) : 0;
    const items = Array.from({ length: page.limit }, (_, n) => `${list}${start + n}`);
    return { items, nextCursor: String(start + page.limit) };
  };
}

describe("usePaged", () => {
  test("a reload keeps the rows shown; another list starts from one page", async () => {
    const requests: Request[] = [];
    const load = source(requests);
    const { result, rerender } = renderHook(({ list, revision }) => usePaged(load(list), [list], revision, 2), {
      initialProps: { list: "a", revision: 0 },
    });
    await waitFor(() => expect(result.current.status).toBe("ready"));
    await act(async () => result.current.loadMore());
    await waitFor(() => expect(result.current.status === "ready" && result.current.data.length).toBe(4));
    rerender({ list: "a", revision: 1 });
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(requests[2]).toEqual({ list: "a", limit: 4 });
    rerender({ list: "b", revision: 1 });
    await waitFor(() => expect(requests).toHaveLength(4));
    expect(requests[3]).toEqual({ list: "b", limit: 2 });
  });
});
