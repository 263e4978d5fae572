-- One benchmark scenario for wrk. `cargo xtask bench` chooses it through BENCH_*
-- variables, so one script covers the fixed requests and the ones that must differ
-- (a new invitee, another member's role, another user joining). The `_spread` modes
-- aim each request at another of many organizations.
local mode = os.getenv("BENCH_MODE") or "fixed"
local path = os.getenv("BENCH_PATH")
local body = os.getenv("BENCH_BODY")
local org = os.getenv("BENCH_ORG")
local run = os.getenv("BENCH_RUN") or "0"
local stride = tonumber(os.getenv("BENCH_THREADS") or "1")

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

local list = {}
-- The spread join's codes, one per organization.
local codes = {}
local counter = 0
local fixed = nil
already = 0

function init(args)
   wrk.method = os.getenv("BENCH_METHOD") or "POST"
   wrk.headers["Content-Type"] = "application/json"
   local bearer = os.getenv("BENCH_BEARER")
   if bearer then
      wrk.headers["Authorization"] = "Bearer " .. bearer
   end
   local function read(name, into)
      local file = os.getenv(name)
      if file then
         for line in io.lines(file) do
            into[#into + 1] = line
         end
      end
   end
   read("BENCH_LIST_FILE", list)
   read("BENCH_CODES_FILE", codes)
   -- Threads take interleaved numbers so no two of them send the same request.
   counter = id - 1
   if mode == "fixed" then
      fixed = wrk.format(nil, path, nil, body)
   end
end

function request()
   if fixed then
      return fixed
   end
   local n = counter
   counter = counter + stride
   if mode == "invite" then
      local json = string.format('{"organizationId":"%s","email":"inv-%s-%d@bench.test","role":"member"}', org, run, n)
      return wrk.format(nil, path, nil, json)
   elseif mode == "set_role" then
      local role = (math.floor(n / #list) % 2 == 0) and "admin" or "member"
      local json = string.format('{"organizationId":"%s","userId":"%s","role":"%s"}', org, list[n % #list + 1], role)
      return wrk.format(nil, path, nil, json)
   elseif mode == "join" then
      return wrk.format(nil, path, as(list[n % #list + 1]), body)
   elseif mode == "create_slug" then
      -- Better Auth's organizations.create needs a slug no organization has yet.
      local json = string.format('{"name":"Bench org","slug":"bench-%s-%d"}', run, n)
      return wrk.format(nil, path, nil, json)
   elseif mode == "create_spread" then
      return wrk.format(nil, path, as(list[n % #list + 1]), body)
   elseif mode == "invite_spread" then
      local json = string.format('{"organizationId":"%s","email":"spread-invite-%s-%d@bench.test"}', list[n % #list + 1], run, n)
      return wrk.format(nil, path, nil, json)
   elseif mode == "set_role_spread" then
      local line = list[n % #list + 1]
      local space = string.find(line, " ", 1, true)
      local role = (math.floor(n / #list) % 2 == 0) and "admin" or "member"
      local json = string.format('{"organizationId":"%s","userId":"%s","role":"%s"}',
         string.sub(line, 1, space - 1), string.sub(line, space + 1), role)
      return wrk.format(nil, path, nil, json)
   elseif mode == "join_spread" then
      -- Each run shifts users onto other codes, so no run repeats a (user, code) pair.
      local code = codes[(n + tonumber(run)) % #codes + 1]
      return wrk.format(nil, path, as(list[n % #list + 1]), string.format('{"code":"%s"}', code))
   end
end

-- Headers for a request made as the holder of `bearer`.
function as(bearer)
   return { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. bearer }
end

if mode == "join" or mode == "join_spread" then
   -- More requests than seeded users wrap around to users who already joined; the
   -- report separates those answers from real joins.
   function response(status, headers, response_body)
      if status == 200 and string.find(response_body, '"alreadyMember":true', 1, true) then
         already = already + 1
      end
   end
end

function done(summary, latency, requests)
   local again = 0
   for _, thread in ipairs(threads) do
      again = again + (thread:get("already") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH {"requests":%d,"durationUs":%d,"socketErrors":%d,"httpErrors":%d,"p50Us":%d,"p99Us":%d,"alreadyMember":%d}\n',
      summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
      latency:percentile(50), latency:percentile(99), again))
end
