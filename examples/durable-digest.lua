-- durable-digest.lua: a durable workflow. On a worker, each step runs in its own fresh sandbox,
-- its result is checkpointed, and the run survives the worker stopping or crashing part way.
--   llmspell worker                                                        (one terminal)
--   llmspell workflow start examples/durable-digest.lua --input topic=tides --watch
-- `llmspell run examples/durable-digest.lua` runs the same workflow in this process instead.
-- The code before `digest.run` runs again for every step, so keep it to declarations.

local function outline(topic)
  return { topic = topic, questions = { "What are " .. topic .. "?", "Why do " .. topic .. " matter?" } }
end

local research = workflow.parallel({
  name = "research",
  merge = "map",
  max_concurrency = 2,
  steps = {
    { name = "what", run = function(o) return llm.complete(o.questions[1], { max_tokens = 60 }) end,
      retry = { attempts = 3, delay_ms = 500 } },
    { name = "why", run = function(o) return llm.complete(o.questions[2], { max_tokens = 60 }) end,
      retry = { attempts = 3, delay_ms = 500 } },
    { name = "topic", run = function(o) return o.topic end },
  },
})

local function assemble(found)
  return { topic = found.topic, text = found.what .. "\n" .. found.why }
end

local format = workflow.conditional({
  name = "format",
  condition = function(d) if #d.text > 200 then return "long" else return "short" end end,
  branches = {
    long = function(d) return "# " .. d.topic .. " (long read)\n" .. d.text end,
    short = function(d) return "# " .. d.topic .. "\n" .. d.text end,
  },
})

local digest = workflow.sequential({
  name = "digest",
  steps = { { name = "outline", run = outline }, research, { name = "assemble", run = assemble }, format },
})

local text = digest.run(input.topic or "tides")
state.set("last_digest", text)
return text
