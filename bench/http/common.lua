-- Shared by the wrk scripts of scripts/bench-http: per-thread counters that
-- done() sums over threads, and one machine-readable RESULT line.

local common = {}

local threads = {}

-- Call from setup(thread): remembers the thread so done() can read its counters.
function common.setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- The sum of a global counter over all threads.
function common.sum(name)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get(name) or 0) end
  return total
end

-- RESULT key=value ... with requests/s and the latency percentiles in ms.
function common.report(summary, latency, extra)
  local seconds = summary.duration / 1e6
  local line = string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
      "errors=%d non2xx=%d",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.errors.status)
  for k, v in pairs(extra or {}) do line = line .. " " .. k .. "=" .. v end
  io.write(line .. "\n")
end

return common
