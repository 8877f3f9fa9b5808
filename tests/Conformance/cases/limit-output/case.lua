for i = 1, 1000 do print("line " .. i) end
