return {
  map: json.encode({ a: 1 }),
  list: json.encode([1, "two", true]),
  scalar: json.encode('q"uote'),
  null: json.encode(null),
};
