local s = "héllo wörld ✓ 日本 🎉"
return { text = s, chars = utf8.len(s), upper_ascii = string.upper("abc") }
