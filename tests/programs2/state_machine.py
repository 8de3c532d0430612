# a vending machine state machine with classes per state and transitions table
class State:
    def on(self, m, event, arg):
        raise ValueError(f"{type(self).__name__} cannot handle {event}")
class Idle(State):
    def on(self, m, event, arg):
        if event == "coin":
            m.credit += arg
            return Paying()
        return super().on(m, event, arg)
class Paying(State):
    def on(self, m, event, arg):
        if event == "coin":
            m.credit += arg
            return self
        if event == "select":
            price = m.prices[arg]
            if m.credit < price:
                print(f"  need {price - m.credit} more")
                return self
            m.credit -= price
            print(f"  vend {arg}, change {m.credit}")
            m.credit = 0
            return Idle()
        if event == "refund":
            print(f"  refund {m.credit}")
            m.credit = 0
            return Idle()
        return super().on(m, event, arg)
class Machine:
    def __init__(self):
        self.state = Idle()
        self.credit = 0
        self.prices = {"cola": 150, "chips": 100}
    def feed(self, event, arg=None):
        try:
            self.state = self.state.on(self, event, arg)
        except (ValueError, KeyError) as e:
            print("  error:", type(e).__name__, e)
        print(f"{event}({arg}) -> {type(self.state).__name__} credit={self.credit}")
m = Machine()
for ev in [("select", "cola"), ("coin", 100), ("select", "cola"), ("coin", 100), ("select", "cola"), ("coin", 25), ("refund", None), ("coin", 50), ("select", "gum")]:
    m.feed(*ev)
