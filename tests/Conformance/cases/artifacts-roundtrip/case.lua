local put = artifacts.put("reports/today.md", "# Tides\nhigh at noon", "text/markdown")
artifacts.put("reports/data.json", json.encode({ n = 1 }), "application/json")
artifacts.put("notes.txt", "plain")
local names = {}
for i, item in ipairs(artifacts.list("reports/")) do names[i] = item.name .. ":" .. item.size .. ":" .. item.content_type end
local url = artifacts.url("notes.txt")
local deleted = artifacts.delete("notes.txt")
return { put = put.name .. ":" .. put.size .. ":" .. put.content_type, names = names, all = #artifacts.list(),
         got = artifacts.get("reports/today.md"), data = json.decode(artifacts.get("reports/data.json")).n,
         missing = artifacts.get("nope.txt") == nil, url = url:sub(1, 7), deleted = deleted,
         again = artifacts.delete("notes.txt"), no_url = artifacts.url("notes.txt") == nil, after = #artifacts.list() }
