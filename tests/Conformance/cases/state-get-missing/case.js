return { missing: (await state.get("never-set")) === null };
