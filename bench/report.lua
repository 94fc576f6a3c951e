-- The line every bench script prints when wrk is done: requests, failures, throughput and the latency
-- percentiles DESIGN §6 speaks of. `failures` names what did not succeed ("errors", "not created"),
-- `label` the rate ("req/s", "created/s"), and `successes_only` whether the rate leaves failures out.
local report = {}

function report.line(summary, latency, failures, label, successes_only)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
  local per_second = (successes_only and summary.requests - failed or summary.requests) / (summary.duration / 1e6)
  return string.format("requests %d, %s %d, %s %.1f, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n", summary.requests,
    failures, failed, label, per_second, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000)
end

-- wrk's done() for a script whose throughput counts every request
function report.requests(summary, latency, requests)
  io.write(report.line(summary, latency, "errors", "req/s"))
end

return report
