# unittest.main(): passing, failing, erroring, skipped and expected-failure tests; timing normalized.
import locale  # gettext (used by argparse) imports it lazily (not followed by the module graph yet)
import shutil  # argparse.HelpFormatter imports it lazily (not followed by the module graph yet)
import re
import sys
import unittest


class TimingFilter:
    """Stream wrapper: the runner's elapsed time is the only nondeterministic text."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        self.stream.write(re.sub(r"in \d+\.\d+s", "in 0.000s", text))

    def flush(self):
        self.stream.flush()


def add(a, b):
    return a + b


class TestAdd(unittest.TestCase):
    def setUp(self):
        self.calls = []

    def tearDown(self):
        self.calls.clear()

    def test_ints(self):
        self.assertEqual(add(2, 3), 5)

    def test_strings(self):
        self.assertEqual(add("a", "b"), "ab")
        self.assertIn("a", add("a", "b"))

    def test_wrong(self):
        self.assertEqual(add(2, 2), 5, "arithmetic is hard")

    def test_error(self):
        add(1, "x")

    def test_raises(self):
        with self.assertRaises(TypeError) as cm:
            add(1, None)
        self.assertIn("unsupported", str(cm.exception))
        self.assertRaisesRegex(ZeroDivisionError, "division", lambda: 1 / 0)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertNotEqual(i, 2)

    @unittest.skip("not ready")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertTrue(False)


class TestCollections(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = [3, 1, 2]

    def test_sorted(self):
        self.assertListEqual(sorted(self.data), [1, 2, 3])

    def test_dict(self):
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIsNone(None)
        self.assertGreater(2, 1)

    def test_list_diff(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])


if __name__ == "__main__":
    unittest.main(testRunner=unittest.TextTestRunner(stream=TimingFilter(sys.stderr), verbosity=2))
