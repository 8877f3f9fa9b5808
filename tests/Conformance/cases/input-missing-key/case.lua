return { missing = input.nothing == nil, given = input.name }
