-- One benchmark scenario for wrk. `cargo xtask bench` chooses it through BENCH_*
-- variables, so one script covers the fixed requests and the ones that must differ
-- (a new invitee, another member's role, another user joining).
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
   local file = os.getenv("BENCH_LIST_FILE")
   if file then
      for line in io.lines(file) do
         list[#list + 1] = line
      end
   end
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
      local json = string.format('{"organizationId":"%s","email":"inv-%s-%d@bench.test"}', org, run, n)
      return wrk.format(nil, path, nil, json)
   elseif mode == "set_role" then
      local role = (math.floor(n / #list) % 2 == 0) and "admin" or "member"
      local json = string.format('{"organizationId":"%s","userId":"%s","role":"%s"}', org, list[n % #list + 1], role)
      return wrk.format(nil, path, nil, json)
   elseif mode == "join" then
      local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. list[n % #list + 1] }
      return wrk.format(nil, path, headers, body)
   end
end

if mode == "join" then
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
