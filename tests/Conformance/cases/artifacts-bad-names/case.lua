local problems = {}
for i, name in ipairs({ "../escape.txt", "/etc/passwd", "a//b", ".hidden", "reports/", "sp ace" }) do
  local ok, err = pcall(artifacts.put, name, "x")
  problems[i] = (ok and "accepted" or err.code) .. " " .. name
end
local big_ok, big = pcall(artifacts.put, "big.txt", string.rep("x", 16 * 1024 * 1024 + 1))
problems[#problems + 1] = big.code
return problems
