"""The peer suite jupyter_kernel_test, with a full set of Finch samples."""
import unittest

import jupyter_kernel_test

from conftest import KERNEL_NAME


class FinchKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "finch"
    file_extension = ".finch"

    code_hello_world = 'print "hello, world"'
    code_stderr = 'warn "something is off"'
    completion_samples = [
        {"text": "pri", "matches": {"print"}},
        {"text": "x = 1\nhel", "matches": {"help"}},
    ]
    complete_code_samples = ["1", 'print "hello, world"', "for i in 1..3 { print i }", "x = [1, 2]"]
    incomplete_code_samples = ["for i in 1..3 {", 'print "unfinished', "x = [1,", "x = "]
    invalid_code_samples = ["}", "x = 1)", "x = = 1"]
    code_generate_error = "undefined_name + 1"
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "1", "result": "1"},
        {"code": '"fin" + "ch"', "result": '"finch"'},
    ]
    code_display_data = [{"code": 'display "a finch"', "mime": "text/plain"}]
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "print"
    code_clear_output = "clear"
    code_page_something = "print?"


if __name__ == "__main__":
    unittest.main()
