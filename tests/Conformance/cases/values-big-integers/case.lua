local big = json.decode("9007199254740993")
local max = json.decode("9223372036854775807")
return { big = big, max = max, text = json.encode({ big, max }) }
