// Awaits a call that must fail and checks it failed as the one error class, with this status and code.
// Codes checked are remembered per test file, so a file can prove it saw every code.
import { expect } from "vitest";
import { OrgsError, type ErrorCode } from "../src/index.js";

export const seenCodes = new Set<ErrorCode>();

export async function expectOrgsError(call: Promise<unknown>, status: number, code: ErrorCode): Promise<OrgsError> {
  const error = await call.then(
    (answer) => {
      throw new Error(`expected ${status} ${code}, got success: ${JSON.stringify(answer)}`);
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(OrgsError);
  const orgsError = error as OrgsError;
  expect({ status: orgsError.status, code: orgsError.code }).toEqual({ status, code });
  expect(orgsError.message).not.toBe("");
  seenCodes.add(orgsError.code);
  return orgsError;
}
