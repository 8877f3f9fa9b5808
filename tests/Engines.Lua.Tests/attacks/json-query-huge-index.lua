-- expect: result null
-- An index past any integer reads nothing, as one just past the end does (it overflowed as host_error).
return tools.call("json_query", { data = { 1, 2 }, path = "[99999999999999999999]" })
