-- Rotates over the catalogue searches a reader makes; prints p50/p95/p99 at the end.
local paths = {
  "/actions", "/actions?q=solar+energy", "/actions?q=inondations&country=SN", "/actions?focus=Adaptation&status=InProgress",
  "/actions?q=drainage&p=3", "/actions?q=reboisement+eau", "/actions?hazard=Drought&sort=Title", "/actions?q=clinics&funding=true",
  -- the two other orders with words (added 2026-12-06, fourth measurement)
  "/actions?q=school&sort=Cost", "/actions?q=solar+energy&sort=Title",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
