-- Free times of the bench service at its five offices in turn (bench/appointments); PAGE=1 asks for the
-- resident's HTML page of times instead of the API's JSON. Prints the percentiles DESIGN §6 speaks of.
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
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, req/s %.1f, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
