local t = {}
for i = 1, 100000000 do t[i] = string.rep("x", 64) .. i end
