const original = { name: "x", items: [{ id: 1, tags: ["a"] }, { id: 2, tags: [] }] };
return json.decode(json.encode(original));
