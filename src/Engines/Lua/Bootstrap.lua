-- Runs once per sandbox, with the full standard library, before any spell code.
-- Whatever it keeps in locals (debug, the real load, the host entry points) the spell can never reach:
-- the spell runs in `env`, a fresh table holding only what is copied into it below.
--
-- Rules this file keeps (see engines.md): the host never raises Lua errors, so every host entry
-- point returns (ok, result) and the wrappers here raise; limits are enforced by `trip`, which the
-- host calls from its count hook to make every following instruction raise.

local hostcall, hostprint, modules, null = ...

local debug_getinfo, debug_sethook, debug_traceback = debug.getinfo, debug.sethook, debug.traceback
local real_load, real_setmetatable, real_tostring = load, setmetatable, tostring
local error, pcall, xpcall, rawget, rawset, type, select, pairs, ipairs = error, pcall, xpcall, rawget, rawset, type, select, pairs, ipairs
local table_concat, table_pack = table.concat, table.pack

local LIMIT = "llmspell: limit reached"
local tripped = false

-- Host errors become tables { code, message, file, line } that print as "code: message".
local error_mt = { __name = "SpellError" }
function error_mt.__tostring(e) return real_tostring(e.code) .. ": " .. real_tostring(e.message) end

-- Lists handed over by the host carry this metatable so an empty list stays a list on the way back.
local list_mt = { __name = "list" }

local function raise_host_error(err, level)
  local info = debug_getinfo(level + 1, "Sl")
  if info and info.currentline and info.currentline > 0 then
    err.file, err.line = info.short_src, info.currentline
  end
  error(real_setmetatable(err, error_mt), 0)
end

-- A function the host called runs on a coroutine of its own (a fiber, LuaSandbox.Fibers.cs); when its
-- API call has to wait, the host answers PENDING and the fiber yields here until the host resumes it
-- with the call's (ok, result), so other fibers run meanwhile.
local PENDING = "llmspell:pending"
local coroutine_yield = coroutine.yield

local function bind(id)
  return function(...)
    local ok, result = hostcall(id, ...)
    if ok == PENDING then ok, result = coroutine_yield() end
    if ok then return result end
    raise_host_error(result, 2)
  end
end

local function copy(source, except)
  local target = {}
  for k, v in pairs(source) do
    if not (except and except[k]) then target[k] = v end
  end
  return target
end

-- string.dump would hand out bytecode, and the string metatable's __index is the real `string`
-- table, so remove it there and not only from the copy.
string.dump = nil

-- Lua's pattern matcher and string.rep run in C, out of reach of the instruction hook: past the
-- deadline the run is abandoned, but its thread would keep a core busy for ever. Lua patterns
-- cannot nest repetitions, so a match takes at worst about C(n + q, q) steps for q repetition
-- items over n characters. Patterns of four or more repetitions whose worst case passes 10^15
-- steps (days) are refused before C starts; the everyday ones (a trim, "(%w+)=(%w+)") never are.
-- string.rep of an empty string (math.maxinteger copies of nothing, in C) returns at once.
do
  local real_find, real_match, real_gmatch, real_gsub, real_rep = string.find, string.match, string.gmatch, string.gsub, string.rep
  local byte, math_log = string.byte, math.log
  local MOST_STEPS_LOG10 = 15

  -- '*', '+' and '-' after an item (a character, '.', a %class or a [set]); '?' repeats at most once.
  local function repetitions(pattern)
    local count, i, n = 0, 1, #pattern
    while i <= n do
      local c = byte(pattern, i)
      if c == 37 then                     -- '%': the escaped character is the item
        i = i + 2
      elseif c == 91 then                 -- '[': skip to the closing ']'
        i = i + 1
        if byte(pattern, i) == 94 then i = i + 1 end
        if byte(pattern, i) == 93 then i = i + 1 end
        while i <= n and byte(pattern, i) ~= 93 do
          if byte(pattern, i) == 37 then i = i + 1 end
          i = i + 1
        end
        i = i + 1
      else
        i = i + 1
      end
      local q = byte(pattern, i)
      if q == 42 or q == 43 or q == 45 then  -- '*', '+', '-'
        count = count + 1
        i = i + 1
      end
    end
    return count
  end

  local function check(name, subject, pattern)
    if type(subject) ~= "string" and type(subject) ~= "number" then return end
    if type(pattern) ~= "string" then return end
    local q = repetitions(pattern)
    if q < 4 then return end
    local n = #real_tostring(subject)
    local steps = 0                       -- log10 of C(n + q, q)
    for i = 1, q do steps = steps + math_log((n + i) / i, 10) end
    if steps > MOST_STEPS_LOG10 then
      raise_host_error({ code = "bad_argument", message = name .. ": a pattern with " .. q ..
        " repetition items ('*', '+', '-') over " .. n ..
        " characters could backtrack for days; use fewer repetitions or a shorter subject" }, 3)
    end
  end

  string.find = function(s, pattern, init, plain)
    if not plain then check("string.find", s, pattern) end
    return real_find(s, pattern, init, plain)
  end
  string.match = function(s, pattern, init) check("string.match", s, pattern) return real_match(s, pattern, init) end
  string.gmatch = function(s, pattern, init) check("string.gmatch", s, pattern) return real_gmatch(s, pattern, init) end
  string.gsub = function(s, pattern, repl, n) check("string.gsub", s, pattern) return real_gsub(s, pattern, repl, n) end
  string.rep = function(s, n, sep)
    if (s == "" and (sep == nil or sep == "")) and type(n) == "number" then
      return real_rep(s, 0)
    end
    return real_rep(s, n, sep)
  end
end
local string_mt = getmetatable("")
string_mt.__metatable = false

local env = {}
for _, name in ipairs({ "assert", "error", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget",
                        "rawlen", "rawset", "select", "tonumber", "tostring", "type", "xpcall",
                        "getmetatable", "_VERSION" }) do
  env[name] = _G[name]
end
env.string = copy(string)
env.table = copy(table)
env.math = copy(math)
env.utf8 = copy(utf8)
env.coroutine = copy(coroutine)
env.os = { clock = os.clock, time = os.time, date = os.date, difftime = os.difftime }
env._G = env
-- Returns what it is given: the host wraps API calls in tail position in it (ApiTailCalls.cs) so the
-- spell's frame, and with it the line of the call, survives until the call returns.
env.__llmspell_keep = function(...) return ... end

-- Finalizers run with hooks disabled, so a __gc that loops could never be stopped.
function env.setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("setmetatable: __gc metamethods are not allowed in a spell", 2)
  end
  return real_setmetatable(t, mt)
end

-- Only source text, and never the real globals: a chunk loaded without an env gets the spell's.
function env.load(chunk, chunkname, mode, chunk_env)
  if type(chunk) ~= "string" then
    error("load: only source text (a string) can be loaded in a spell", 2)
  end
  if mode ~= nil and mode ~= "t" then
    error("load: only text mode 't' is allowed in a spell", 2)
  end
  if chunk_env == nil then chunk_env = env end
  return real_load(chunk, chunkname, "t", chunk_env)
end

-- An error raised from a hook (which is how `trip` stops a spell) runs the message handler while
-- Lua has hooks switched off, so a handler that loops could never be stopped. Once a limit has
-- tripped, the spell's handlers are skipped.
function env.xpcall(f, handler, ...)
  if type(handler) ~= "function" then return xpcall(f, handler, ...) end
  return xpcall(f, function(e)
    if tripped then return e end
    return handler(e)
  end, ...)
end

function env.collectgarbage(option)
  if option == nil or option == "count" then return collectgarbage("count") end
  error("collectgarbage: only 'count' is allowed in a spell", 2)
end

function env.print(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = real_tostring((select(i, ...))) end
  local ok, result = hostprint(table_concat(parts, "\t"))
  if not ok then raise_host_error(result, 2) end
end

for _, module in ipairs(modules) do
  local bound = {}
  for _, fn in ipairs(module.functions) do bound[fn.name] = bind(fn.id) end
  env[module.name] = bound
end

if env.json then
  env.json.null = null
  -- An empty Lua table converts to an empty map; json.array marks one as a list.
  function env.json.array(t)
    if t == nil then t = {} end
    if type(t) ~= "table" then error("json.array: argument 1 must be a table", 2) end
    return real_setmetatable(t, list_mt)
  end
end

-- A table raised as { code, message } carries no position (Lua adds one only to strings), so the
-- handler, which runs where the error was raised, notes the innermost line of the spell itself.
local chunk_source
local function on_error(e)
  if type(e) == "table" and rawget(e, "file") == nil then
    for level = 2, 64 do
      local info = debug_getinfo(level, "Sl")
      if info == nil then break end
      if info.source == chunk_source and info.currentline > 0 then
        rawset(e, "file", chunk_source:sub(2))
        rawset(e, "line", info.currentline)
        break
      end
    end
  end
  return { value = e, trace = debug_traceback(nil, 2) }
end

-- Runs the spell. Returns true, result | false, "syntax", message | false, "runtime", value, trace.
local function run(source, chunkname, input)
  env.input = input
  chunk_source = chunkname
  local chunk, syntax_error = real_load(source, chunkname, "t", env)
  if not chunk then return false, "syntax", syntax_error end
  local results = table_pack(xpcall(chunk, on_error))
  if results[1] then return true, results[2] end
  local failure = results[2]
  if type(failure) ~= "table" or rawget(failure, "trace") == nil then
    return false, "runtime", failure, nil
  end
  local value = failure.value
  -- A table raised without code/message may still describe itself through __tostring.
  if type(value) == "table" and rawget(value, "message") == nil then
    local ok, text = pcall(real_tostring, value)
    if ok then value = text end
  end
  return false, "runtime", value, failure.trace
end

-- Called by the host from its count hook once a limit is hit: from now on every instruction of
-- this coroutine raises, so no pcall in the spell can keep it running. Returns where it stopped.
local function trip()
  tripped = true
  local info = debug_getinfo(2, "Sl")
  debug_sethook(function() error(LIMIT, 0) end, "", 1)
  if info then return info.short_src, info.currentline end
end

return run, trip, list_mt, bind
