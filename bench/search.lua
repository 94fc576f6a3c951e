-- Rotates through searches a resident would type (Italian, with one misspelling and one accent left out),
-- and prints the percentiles DESIGN §6 speaks of.
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
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, req/s %.1f, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
