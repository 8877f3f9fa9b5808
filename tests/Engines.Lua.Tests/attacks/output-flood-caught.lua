-- expect: output_limit
for i = 1, 1000 do pcall(print, string.rep("z", 1000)) end
return "escaped"
