/* seances-phone.cc — phone numbers through libphonenumber, behind a C API
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "seances-phone.h"

#include <string>

#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

/* A number typed without its country code is French. The overseas departments are
 * numbered within the French plan (« 0692 12 34 56 » is a mobile of La Réunion,
 * « 0590 … » a landline of Guadeloupe) but have their own country codes: their ranges
 * are tried first, as only their numbers are valid there, then France's. */
static const char *const home_regions[] = { "RE", "YT", "GP", "MQ", "GF", "FR" };

/* The blocks ARCEP keeps for fiction (films, books, demonstrations): French numbers
 * that never reach anyone, which libphonenumber does not know (it reads 06 39 as
 * Mayotte's). The demonstration practice uses them, so that it texts no one. */
static const char *const fiction_blocks[] = {
  "19900", "26191", "35301", "46571", "53649", "63998",
};

static bool
is_fiction (const PhoneNumber &number)
{
  std::string national = std::to_string (number.national_number ());

  if (number.country_code () != 33 || national.size () != 9 ||
      number.italian_leading_zero ())
    return false;
  for (const char *block : fiction_blocks)
    if (national.compare (0, 5, block) == 0)
      return true;
  return false;
}

/* libphonenumber throws nothing on bad input: it reports an error code, so no
 * exception crosses into C but std::bad_alloc, which aborts as g_malloc() would. */
static bool
parse_valid (const char  *text,
             PhoneNumber *number)
{
  const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();

  if (util->Parse (text, "FR", number) == PhoneNumberUtil::NO_PARSING_ERROR &&
      is_fiction (*number))
    return true;
  for (const char *region : home_regions)
    {
      if (util->Parse (text, region, number) == PhoneNumberUtil::NO_PARSING_ERROR &&
          util->IsValidNumber (*number))
        return true;
      /* A number read with another country code was typed with it: the default
       * region was not used, and trying the others would change nothing. */
      if (number->country_code () != util->GetCountryCodeForRegion (region))
        return false;
    }
  return false;
}

/* « 06 12 34 56 78 » → « +33612345678 », « +32 470 12 34 56 » → « +32470123456 »;
 * NULL when it is no valid number of any country. */
char *
seances_phone_parse (const char *typed)
{
  PhoneNumber number;
  std::string e164;

  g_return_val_if_fail (typed != NULL, NULL);

  if (!parse_valid (typed, &number))
    return NULL;
  PhoneNumberUtil::GetInstance ()->Format (number, PhoneNumberUtil::E164, &e164);
  return g_strdup (e164.c_str ());
}

/* « +33612345678 » → « 06 12 34 56 78 », « +32470123456 » → « 0470 12 34 56 »: the way
 * the number is written in its own country. NULL when it is no valid number. */
char *
seances_phone_national (const char *e164)
{
  PhoneNumber number;
  std::string national;

  g_return_val_if_fail (e164 != NULL, NULL);

  if (!parse_valid (e164, &number))
    return NULL;
  PhoneNumberUtil::GetInstance ()->Format (number, PhoneNumberUtil::NATIONAL, &national);
  return g_strdup (national.c_str ());
}

SeancesPhoneKind
seances_phone_get_kind (const char *e164)
{
  PhoneNumber number;

  g_return_val_if_fail (e164 != NULL, SEANCES_PHONE_KIND_OTHER);

  if (!parse_valid (e164, &number))
    return SEANCES_PHONE_KIND_OTHER;
  if (is_fiction (number))
    return number.national_number () / 100000000 == 6 ? SEANCES_PHONE_KIND_MOBILE
                                                     : SEANCES_PHONE_KIND_LANDLINE;
  switch (PhoneNumberUtil::GetInstance ()->GetNumberType (number))
    {
    case PhoneNumberUtil::MOBILE:
      return SEANCES_PHONE_KIND_MOBILE;
    case PhoneNumberUtil::FIXED_LINE:
      return SEANCES_PHONE_KIND_LANDLINE;
    default:
      /* Canada's numbers (FIXED_LINE_OR_MOBILE) do not say which they are. */
      return SEANCES_PHONE_KIND_OTHER;
    }
}
