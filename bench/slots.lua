-- Free times of the bench service at its five offices in turn (bench/appointments); PAGE=1 asks for the
-- resident's HTML page of times instead of the API's JSON. Prints the percentiles DESIGN §6 speaks of.
package.path = "bench/?.lua;" .. package.path
local report = require("report")
local page = os.getenv("PAGE") == "1"
local i = 0
request = function()
  i = i + 1
  local office = "bench-" .. ((i % 5) + 1)
  if page then
    return wrk.format("GET", "/appuntamenti/servizio/bench-slots/" .. office)
  end
  return wrk.format("GET", "/api/v1/appointments/services/bench-slots/offices/" .. office .. "/slots?limit=20")
end
done = report.requests
