-- POST /api/v1/events with bodies of exactly 1,000 canonical events (JSON
-- Lines) and an API token. The corpus (demo events of a period the store does
-- not hold) is split among the wrk threads by case, so each case's events go
-- out in order from one thread; each thread cuts its share into bodies of 1,000
-- lines, a case's events kept together (OVS_BENCH_ORDER=case, the default) or
-- in the corpus's time order (OVS_BENCH_ORDER=time: a year of history replayed
-- at once, so that most events arrive after the server's clock, which is the
-- wall clock, fired their case's deadlines, and each such case is re-derived
-- from the store). When a thread has sent its share, it sends it again with "-pN"
-- appended to every case id: new cases, so every event stays new. A run with
-- OVS_BENCH_TAG set appends the tag to every case id as well, so that two runs
-- over one corpus do not send the same events.
--   OVS_BENCH_CORPUS=events.jsonl OVS_BENCH_TOKEN=ovs_... OVS_BENCH_THREADS=2 \
--   [OVS_BENCH_ORDER=case|time] [OVS_BENCH_TAG=-m] [OVS_BENCH_DELAY_MS=200] wrk -s ingest.lua URL

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

local kBatch = 1000
local lines = {}   -- {head, case_id, tail} of every line of this thread's share
local sent = 0     -- bodies built so far
local headers = {}
local delay_ms = tonumber(os.getenv("OVS_BENCH_DELAY_MS") or "0")
local tag = os.getenv("OVS_BENCH_TAG") or ""

function setup(thread) common.setup(thread) end

function init(_)
  local threads = tonumber(os.getenv("OVS_BENCH_THREADS") or "1")
  local by_case = (os.getenv("OVS_BENCH_ORDER") or "case") == "case"
  local cases = {}  -- case id → its lines, in order of first appearance
  local order = {}
  for line in io.lines(os.getenv("OVS_BENCH_CORPUS")) do
    local head, case_id, tail = line:match('^(.-"case_id":")([^"]*)(".*)$')
    if case_id then
      local number = tonumber(case_id:match("(%d+)$") or "0")
      if number % threads == id then
        if by_case then
          if not cases[case_id] then
            cases[case_id] = {}
            table.insert(order, case_id)
          end
          table.insert(cases[case_id], {head, case_id, tail})
        else
          table.insert(lines, {head, case_id, tail})
        end
      end
    end
  end
  for _, case_id in ipairs(order) do
    for _, l in ipairs(cases[case_id]) do table.insert(lines, l) end
  end
  assert(#lines >= kBatch, "fewer than 1000 events for thread " .. id)
  headers["Authorization"] = "Bearer " .. os.getenv("OVS_BENCH_TOKEN")
  headers["Content-Type"] = "application/x-ndjson"
  not_ok, stored, duplicates, quarantined = 0, 0, 0, 0
end

function request()
  local bodies = math.floor(#lines / kBatch)
  local pass = math.floor(sent / bodies)
  local first = (sent % bodies) * kBatch
  sent = sent + 1
  local suffix = tag .. (pass == 0 and "" or ("-p" .. pass))
  local parts = {}
  for i = first + 1, first + kBatch do
    local l = lines[i]
    parts[#parts + 1] = l[1]
    parts[#parts + 1] = l[2]
    parts[#parts + 1] = suffix
    parts[#parts + 1] = l[3]
    parts[#parts + 1] = "\n"
  end
  return wrk.format("POST", "/api/v1/events", headers, table.concat(parts))
end

if delay_ms > 0 then
  function delay() return delay_ms end
end

function response(status, _, body)
  if status ~= 200 then
    not_ok = not_ok + 1
    return
  end
  stored = stored + tonumber(body:match('"stored":(%d+)') or "0")
  duplicates = duplicates + tonumber(body:match('"duplicates":(%d+)') or "0")
  quarantined = quarantined + tonumber(body:match('"quarantined":(%d+)') or "0")
end

function done(summary, latency, _)
  local seconds = summary.duration / 1e6
  common.report(summary, latency, {
    not_ok = common.sum("not_ok"),
    stored = common.sum("stored"),
    duplicates = common.sum("duplicates"),
    quarantined = common.sum("quarantined"),
    events_per_s = string.format("%.0f", common.sum("stored") / seconds),
  })
end
