-- expect: runtime_error attempt to load a binary chunk
local f, err = load(string.char(27) .. "LuaT\0")
if not f then error(err) end
