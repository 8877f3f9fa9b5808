return {
  calc = tools.call("calculator", { expression = "(2 + 3) * sqrt(16) - 2^3" }),
  frac = tools.call("calculator", { expression = "1 / 4" }),
  upper = tools.call("text", { action = "upper", text = "straße" }),
  words = tools.call("text", { action = "split", text = "a,b,c", separator = "," }),
  count = tools.call("text", { action = "count", text = "banana", pattern = "an" }),
  replaced = tools.call("text", { action = "replace", text = "2024-01-05", pattern = "(\\d+)-(\\d+)-(\\d+)", replacement = "$3/$2/$1" }),
  query = tools.call("json_query", { data = '{"items":[{"name":"a"},{"name":"b"}]}', path = "items[1].name" }),
  last = tools.call("json_query", { data = { list = { 1, 2, 3 } }, path = "list[-1]" }),
  hash = tools.call("hash", { text = "abc" }),
  b64 = tools.call("base64", { action = "encode", text = "héllo" }),
  back = tools.call("base64", { action = "decode", text = "aMOpbGxv" }),
  uuid_length = #tools.call("uuid", { version = 7 }),
}
