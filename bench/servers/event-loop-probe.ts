// Preloaded into Kontor by a benchmark (`node --import tsx --import ./bench/servers/event-loop-probe.ts`):
// the event loop's delay, answered as JSON on BENCH_PROBE_PORT; `?reset` starts a new measurement.
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const ms = (nanoseconds: number) => nanoseconds / 1e6;

createServer((request, response) => {
  const delay = {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
  };
  if (request.url?.includes('reset')) histogram.reset();
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(delay));
})
  .listen(Number(process.env.BENCH_PROBE_PORT), '127.0.0.1')
  .unref();
