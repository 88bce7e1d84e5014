-- Counts what the PDF address answers: a PDF, the printable page (HTML), a
-- permanent redirect, anything else. With the argument "vary" (wrk ... --
-- vary) every request carries a query string of its own (?n=1, ?n=2 ...), as
-- shared links with tracking parameters arrive.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  vary = args[1] == "vary"
  counter = 0
  pdf, html, moved, other = 0, 0, 0, 0
end

function request()
  if vary then
    counter = counter + 1
    return wrk.format(nil, wrk.path .. "?n=" .. counter)
  end
  return wrk.format(nil, wrk.path)
end

function response(status, headers, body)
  local kind = headers["Content-Type"] or headers["content-type"] or ""
  if status == 200 and kind:find("application/pdf", 1, true) then
    pdf = pdf + 1
  elseif status == 200 and kind:find("text/html", 1, true) then
    html = html + 1
  elseif status == 301 then
    moved = moved + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = { pdf = 0, html = 0, moved = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format("answers: pdf=%d html=%d moved=%d other=%d\n",
    totals.pdf, totals.html, totals.moved, totals.other))
end
