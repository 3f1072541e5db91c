"""Four ordinary news paragraphs (written for the tests, 2026) used to build small page dumps in
tests/test_clean.py and tests/test_clean_dumps.py."""

P1 = ("The city council voted on Tuesday to expand the bus network, adding four new routes "
      "that will connect the eastern suburbs with the hospital and the university.")
P2 = ("Officials said the plan would cost about 12 million dollars over three years and that "
      "most of the money would come from a regional transport grant.")
P3 = ("Residents who spoke at the meeting were divided, with some praising the new service and "
      "others asking why their own neighbourhood had been left out of the plan.")
P4 = ("The first of the new routes is expected to start running in the spring, according to the "
      "transport department, which will publish the timetables next month.")
