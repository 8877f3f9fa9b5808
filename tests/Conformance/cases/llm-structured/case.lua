local person = llm.structured("Describe a person", {
  type = "object",
  properties = { name = { type = "string" }, age = { type = "integer" }, tags = { type = "array", items = { type = "string" } } },
  required = { "name", "age" },
})
return { name_type = type(person.name), age_type = math.type(person.age), has_tags = person.tags ~= nil }
