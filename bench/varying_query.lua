-- Each request with a query string of its own, as shared links with tracking
-- parameters arrive: no cache can answer it with a stored copy.
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?n=" .. counter)
end
