local function fetch(topic) return { topic = topic, pages = 3 } end
local function summarize(doc) return doc.topic .. " has " .. doc.pages .. " pages" end
local research = workflow.sequential({ name = "research", steps = { { name = "fetch", run = fetch }, summarize, string.upper } })
return research.run(input.topic)
