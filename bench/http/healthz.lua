-- GET /healthz: the HTTP stack alone (no sign-in, no store), as a ceiling.

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

function setup(thread) common.setup(thread) end
function init(_) not_ok = 0 end
function request() return wrk.format("GET", "/healthz") end
function response(status, _, _)
  if status ~= 200 then not_ok = not_ok + 1 end
end
function done(summary, latency, _)
  common.report(summary, latency, {not_ok = common.sum("not_ok")})
end
