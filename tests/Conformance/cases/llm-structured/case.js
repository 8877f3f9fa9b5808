const person = await llm.structured("Describe a person", {
  type: "object",
  properties: { name: { type: "string" }, age: { type: "integer" }, tags: { type: "array", items: { type: "string" } } },
  required: ["name", "age"],
});
return { name_type: typeof person.name, age_type: Number.isInteger(person.age) ? "integer" : "float", has_tags: person.tags !== undefined };
