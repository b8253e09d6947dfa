/* test-format.c — amounts and e-mail addresses, the French way (phones: test-phone.c)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-format.h"

static void
test_money_format (void)
{
  static const struct {
    gint64      cents;
    const char *text;
  } cases[] = {
    { 6000, "60,00\xc2\xa0€" },
    { 0, "0,00\xc2\xa0€" },
    { 5, "0,05\xc2\xa0€" },
    { 123456, "1\xe2\x80\xaf" "234,56\xc2\xa0€" },
    { 100000000, "1\xe2\x80\xaf" "000\xe2\x80\xaf" "000,00\xc2\xa0€" },
    { -2550, "−25,50\xc2\xa0€" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_autofree char *text = seances_format_money (cases[i].cents);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_parse (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    gint64      cents;
  } cases[] = {
    { "60", TRUE, 6000 },
    { "60,5", TRUE, 6050 },
    { "60.50", TRUE, 6050 },
    { "1 234,00 €", TRUE, 123400 },
    { "0,05", TRUE, 5 },
    { "60,505", FALSE, 0 },
    { "abc", FALSE, 0 },
    { "", FALSE, 0 },
    { "6,0,0", FALSE, 0 },
    { "-5", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      gint64 cents = -1;

      g_assert_cmpint (seances_parse_money (cases[i].text, &cents), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_email (void)
{
  static const struct {
    const char *email;
    gboolean    valid;
  } cases[] = {
    { "claire.martin@example.fr", TRUE },
    { "c+rdv@cabinet-tilleuls.fr", TRUE },
    { "hélène@exemple.fr", TRUE },
    { "claire@example", FALSE },
    { "@example.fr", FALSE },
    { "claire@", FALSE },
    { "claire martin@example.fr", FALSE },
    { "claire@example.fr\r\nBcc: x@y.fr", FALSE },
    { "claire@@example.fr", FALSE },
    { "claire..m@example.fr", FALSE },
    { "claire@example..fr", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      g_assert_cmpint (seances_email_is_valid (cases[i].email), ==, cases[i].valid);
    }
}

static void
test_clock (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    int         hour;
    int         minute;
  } cases[] = {
    { "14", TRUE, 14, 0 },
    { "14h", TRUE, 14, 0 },
    { "14 h 30", TRUE, 14, 30 },
    { "14 h 00", TRUE, 14, 0 },
    { "9:05", TRUE, 9, 5 },
    { "09.15", TRUE, 9, 15 },
    { " 8 H 45 ", TRUE, 8, 45 },
    { "14\u00a0h\u00a030", TRUE, 14, 30 },       /* as the field shows it */
    { "\u202f9\u202fh\u202f05\u00a0", TRUE, 9, 5 },
    { "\t10:30\t", TRUE, 10, 30 },
    { "14\u00a0\u00a0", TRUE, 14, 0 },
    { "14\u00a0h\u00a03", FALSE, 0, 0 },
    { "\u00a0", FALSE, 0, 0 },
    { "14\xc2", FALSE, 0, 0 },                    /* half a no-break space */
    { "24", FALSE, 0, 0 },
    { "14:5", FALSE, 0, 0 },
    { "14:60", FALSE, 0, 0 },
    { "midi", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "14h30x", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("cases[%u]", i);
      int hour = -1, minute = -1;

      g_assert_cmpint (seances_parse_clock (cases[i].text, &hour, &minute), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_assert_cmpint (hour, ==, cases[i].hour);
          g_assert_cmpint (minute, ==, cases[i].minute);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/format/money", test_money_format);
  g_test_add_func ("/format/money-parse", test_money_parse);
  g_test_add_func ("/format/email", test_email);
  g_test_add_func ("/format/clock", test_clock);

  return g_test_run ();
}
