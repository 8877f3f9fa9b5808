local reply = llm.chat({ { role = "user", content = "a b c d e" } }, { max_tokens = 3 })
return { content = reply.content, finish_reason = reply.finish_reason, output_tokens = reply.usage.output_tokens }
