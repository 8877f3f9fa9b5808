return llm.chat({
  { role = "system", content = "you are terse" },
  { role = "user", content = "first question" },
  { role = "assistant", content = "first answer" },
  { role = "user", content = "second question" },
}, { max_tokens = 10 })
