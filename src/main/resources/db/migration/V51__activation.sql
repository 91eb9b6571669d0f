-- People own their credentials. A user is created without a password and with a one-time activation code (only its
-- SHA-256 is kept, with its expiry); the person sets their own password with it. Until then password_hash is empty
-- and no password logs in. must_change_password marks the bootstrap administrator, whose first password was
-- generated: its first login opens only the password change (token stage PASSWORD_CHANGE).
ALTER TABLE user_account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE user_account ADD COLUMN activation_code_hash VARCHAR(64);
ALTER TABLE user_account ADD COLUMN activation_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE user_account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE access_token DROP CONSTRAINT access_token_stage_ck;
ALTER TABLE access_token ADD CONSTRAINT access_token_stage_ck
    CHECK (stage IN ('PASSWORD_CHANGE', 'ENROLMENT', 'MFA_PENDING', 'AUTHENTICATED'));

-- Before this release an administrator chose every password. A person who has not enrolled a second factor yet is
-- protected by that password alone, so it works once more: their next login only changes it. (People with a second
-- factor keep their password; they change it themselves with POST /auth/password.)
UPDATE user_account SET must_change_password = TRUE WHERE mfa_enabled = FALSE;
