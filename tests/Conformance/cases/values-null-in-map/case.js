const map = json.decode('{"a":null,"b":1}');
return { map, a_is_null: map.a === json.null };
