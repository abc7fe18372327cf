-- Random chapters 1-5 of the 1,000 full-size works of examples/bench_server.rs: nearly every
-- request misses the page cache (5,000 distinct pages). Usage:
--   wrk -t2 -c64 -d15s --latency -s crates/web/examples/random_chapters.lua http://127.0.0.1:8088
math.randomseed(42)
request = function()
  return wrk.format("GET", "/works/" .. math.random(1, 1000) .. "/chapters/" .. math.random(1, 5))
end
