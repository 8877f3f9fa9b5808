-- expect: output_limit
while true do print(string.rep("z", 1000)) end
