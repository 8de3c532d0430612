# circular imports: the partially initialized module is visible to the other
import circ_mods.a
print(circ_mods.a.A_LATE, circ_mods.b.B)
print(circ_mods.b.seen_early, circ_mods.b.seen_late)
print(circ_mods.a.call_b(), circ_mods.b.call_a())
