local map = json.decode('{"a":null,"b":1}')
return { map = map, a_is_null = map.a == json.null }
