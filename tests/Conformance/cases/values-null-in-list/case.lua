local list = json.decode("[1,null,3]")
return { list = list, second_is_null = list[2] == json.null, length = #list }
