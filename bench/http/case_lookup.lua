-- GET /api/v1/cases/{id} as a signed-in supervisor, over a file of real case
-- ids (one a line), round-robin; each thread starts at a different offset.
--   OVS_BENCH_IDS=ids.txt OVS_BENCH_COOKIE=<session> wrk -s case_lookup.lua URL

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

local ids = {}
local next_id = 0
local headers = {}

function setup(thread) common.setup(thread) end

function init(args)
  for line in io.lines(os.getenv("OVS_BENCH_IDS")) do
    if line ~= "" then table.insert(ids, line) end
  end
  assert(#ids > 0, "no case ids in " .. os.getenv("OVS_BENCH_IDS"))
  next_id = (id or 0) * 7919 % #ids
  headers["Cookie"] = "ovs_session=" .. os.getenv("OVS_BENCH_COOKIE")
  not_ok = 0
end

function request()
  next_id = next_id % #ids + 1
  return wrk.format("GET", "/api/v1/cases/" .. ids[next_id], headers)
end

function response(status, _, _)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, _)
  common.report(summary, latency, {not_ok = common.sum("not_ok")})
end
