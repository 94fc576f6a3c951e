-- Rotates through searches a resident would type (Italian, with one misspelling and one accent left out),
-- and prints the percentiles DESIGN §6 speaks of.
package.path = "bench/?.lua;" .. package.path
local report = require("report")
local queries = { "permesso+di+soggiorno", "rinnovo+permesso", "ricongiungimento", "tessera+sanitaria",
  "iscrizione+scuola", "residenza", "idoneita+alloggiativa", "cittadinanza", "corsi+di+italiano",
  "casa+popolare", "medico+di+base", "ricongiungimeno" }
-- UNCACHED=1 adds a different parameter to every request, so that no answer comes from the page cache
local uncached = os.getenv("UNCACHED") == "1"
local i = 0
request = function()
  i = i + 1
  local path = "/cerca?q=" .. queries[(i % #queries) + 1]
  if uncached then path = path .. "&n=" .. i .. "-" .. math.random(1000000000) end
  return wrk.format("GET", path)
end
done = report.requests
