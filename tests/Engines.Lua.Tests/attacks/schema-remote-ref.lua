-- expect: bad_argument outside the schema
-- A schema must never make the host fetch anything: not a remote $ref, not a file, not loopback.
tools.register({ name = "probe", description = "x", handler = function(a) return 1 end,
  parameters = { type = "object", properties = { a = { ["$ref"] = "http://127.0.0.1:9/schema.json" } } } })
