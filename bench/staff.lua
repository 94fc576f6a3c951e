-- An operator's inbox at volume: rotates the default view, two filtered views, the next page, and the
-- three kinds of search an operator types (a word of the text, a question code, an e-mail address).
-- Needs SESSION=<ACI_SESSION cookie> (bench/StaffSession.java). Prints requests/s and percentiles.
package.path = "bench/?.lua;" .. package.path
local report = require("report")
local paths = { "/ufficio/quesiti", "/ufficio/quesiti?view=answered", "/ufficio/quesiti?view=new&language=ar",
  "/ufficio/quesiti?q=permesso", "/ufficio/quesiti?q=Q-2025-050001", "/ufficio/quesiti?q=residente4242@example.org",
  "/ufficio/quesiti?view=closed&topic=lavoro", "/ufficio/quesiti?q=ricongiungimento" }
local only = os.getenv("ONLY")
if only == "" then only = nil end
local i = 0
request = function()
  i = i + 1
  local path = only or paths[(i % #paths) + 1]
  return wrk.format("GET", path, { ["Cookie"] = "ACI_SESSION=" .. os.getenv("SESSION") })
end
done = report.requests
